// Where an application stands in its round's drawn order, as the decision page shows it.
export type OfficerDrawPlace = { checkPath: string } & (
	| { state: 'waiting'; drawsOn: string }
	| { state: 'outside' }
	| { state: 'placed'; position: number; reserve: number | null; funded: boolean }
);
