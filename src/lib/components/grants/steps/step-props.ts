// What every question of the grant application is given: the values to show (saved answers,
// or what was just typed) and the message for each field that is wrong.
export type StepFields = {
	v: Record<string, string | undefined>;
	errors: Record<string, string | undefined>;
};
