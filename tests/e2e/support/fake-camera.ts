// A video for Chromium's fake camera: a PNG (a real ticket's QR code) decoded here and written
// as raw YUV4MPEG2 frames, grey on white, centred in a 640×480 picture.
import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

type Grey = { width: number; height: number; luma: Uint8Array };

function paeth(a: number, b: number, c: number) {
	const p = a + b - c;
	const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit, non-interlaced PNG (grey, RGB or RGBA) to grey levels. */
export function decodePng(png: Buffer): Grey {
	let offset = 8;
	let width = 0;
	let height = 0;
	let colourType = 0;
	const data: Buffer[] = [];
	while (offset < png.length) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('latin1', offset + 4, offset + 8);
		const body = png.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
			colourType = body[9];
		} else if (type === 'IDAT') data.push(body);
		offset += 12 + length;
	}
	const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colourType as 0 | 2 | 4 | 6];
	const raw = inflateSync(Buffer.concat(data));
	const stride = width * channels;
	const pixels = new Uint8Array(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		for (let x = 0; x < stride; x++) {
			const value = raw[y * (stride + 1) + 1 + x];
			const left = x >= channels ? pixels[y * stride + x - channels] : 0;
			const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
			const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
			const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
			pixels[y * stride + x] = (value + predicted) & 0xff;
		}
	}
	const luma = new Uint8Array(width * height);
	for (let i = 0; i < width * height; i++) luma[i] = pixels[i * channels];
	return { width, height, luma };
}

/** Writes `frames` identical frames showing the picture; Chromium plays the file in a loop. */
export function writeY4m(path: string, picture: Grey, frames = 10) {
	const [W, H] = [640, 480];
	const y = new Uint8Array(W * H).fill(235);
	const left = Math.floor((W - picture.width) / 2);
	const top = Math.floor((H - picture.height) / 2);
	for (let row = 0; row < picture.height; row++)
		for (let col = 0; col < picture.width; col++)
			y[(top + row) * W + left + col] =
				16 + Math.round((picture.luma[row * picture.width + col] * 219) / 255);
	const chroma = new Uint8Array((W / 2) * (H / 2)).fill(128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
	const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
	writeFileSync(path, Buffer.concat([header, ...Array(frames).fill(frame)]));
}
