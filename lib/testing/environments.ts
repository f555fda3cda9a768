// Configurations tests switch between (with setEnvForTests): real Adyen credentials outside simulator mode, as in
// production, where demo accounts stop working and https is required.
export const REAL_CREDENTIALS_ENV = {
  LOG_LEVEL: "silent",
  ADYEN_API_KEY: "k",
  ADYEN_MERCHANT_ACCOUNT: "M",
  ADYEN_HMAC_KEYS: "AB",
  NEXTAUTH_SECRET: "s".repeat(32),
  NEXTAUTH_URL: "https://ops.example.com",
};
