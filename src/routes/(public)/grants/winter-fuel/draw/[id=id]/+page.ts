// The page is a record to read and copy: nothing on it needs code in the browser.
export const csr = false;
