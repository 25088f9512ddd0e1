// Nothing on an event page needs code in the browser: its actions are links and plain forms.
export const csr = false;
