// The branch settings an admin keeps (name, office, contacts, who signs letters), in the order
// the settings form asks for them: shared by the form and the rows that store them.

export type BranchSettings = {
	name: string;
	/** Multi-line postal address of the branch office. */
	address: string;
	phone: string;
	email: string;
	openingHours: string;
	website: string;
	dataProtectionContact: string;
	signatoryName: string;
	signatoryRole: string;
	welfareContact: string;
};

export const branchSettingKeys = [
	'name',
	'address',
	'phone',
	'email',
	'openingHours',
	'website',
	'dataProtectionContact',
	'signatoryName',
	'signatoryRole',
	'welfareContact'
] as const satisfies readonly (keyof BranchSettings)[];
