// The names of the files in the data download, shared by the page that links them and the zip.
export const DATA_PAGE_NAME = 'your-data.html';
export const DATA_JSON_NAME = 'your-data.json';
