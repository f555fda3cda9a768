"use client";
// The link as a QR code the customer scans from the manager's screen: SVG (sharp at any size, prints well), at
// least 240 px wide with a quiet zone, error correction M (survives a scratched phone screen).
import QRCode from "qrcode";
import { useEffect, useState } from "react";

export function QrCode({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(value, { type: "svg", errorCorrectionLevel: "M", margin: 4 }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div
      role="img"
      aria-label={label}
      className="aspect-square w-full max-w-80 self-center bg-white [&>svg]:block [&>svg]:h-full [&>svg]:w-full"
      // The SVG comes from the qrcode library for our own link URL; it contains no user markup.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
