// The physical limit: a bare node:http server answering with fixed bytes, nothing else.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
createServer((_req, res) => {
	res.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length });
	res.end(body);
}).listen(Number(port), () => process.send?.('ready'));
