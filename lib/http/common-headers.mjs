// Headers every response carries: next.config.js gives them to what Next.js answers, and the webhook handler
// (answered before Next.js by the app server) sets them itself. Plain JavaScript so next.config.js can import it.
export const COMMON_HEADERS = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "same-origin"],
  ["X-Frame-Options", "DENY"],
  // Powerful features the dashboard never uses are off for it and anything it might embed. Clipboard (copy a payment
  // link) and printing (a QR code) are not listed: they stay with this site.
  [
    "Permissions-Policy",
    [
      "accelerometer=()",
      "camera=()",
      "display-capture=()",
      "geolocation=()",
      "gyroscope=()",
      "hid=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "serial=()",
      "usb=()",
    ].join(", "),
  ],
];
