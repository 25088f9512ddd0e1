// The QR code printed on a certificate: its verification address.
import QRCode from 'qrcode';

export function certificateQrSvg(url: string) {
	return QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
