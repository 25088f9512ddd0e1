// Packs the data download: one folder holding the page to read, the JSON, and the evidence files.
// Photos and PDFs are stored as they are, since compressing them again gains nothing.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { EvidenceFileCopy } from '../grants/account-data.ts';
import type { AccountData } from './data-export.ts';
import { renderDataPage } from './data-page.ts';
import { DATA_JSON_NAME, DATA_PAGE_NAME } from './data-zip-names.ts';

export function buildDataZip(
	folder: string,
	data: AccountData,
	evidence: EvidenceFileCopy[],
	options: { branchName: string; now: Date }
): Uint8Array {
	const mtime = options.now;
	const page = renderDataPage(data, evidence, options.branchName);
	const files: Zippable = {
		[DATA_PAGE_NAME]: [strToU8(page), { mtime }],
		[DATA_JSON_NAME]: [strToU8(JSON.stringify(data, null, 2)), { mtime }]
	};
	for (const file of evidence) files[file.path] = [file.bytes, { level: 0, mtime }];
	return zipSync({ [folder]: files });
}
