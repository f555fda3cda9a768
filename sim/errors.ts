// Adyen's two error bodies: Checkout's ServiceError and Management/Cloud device's RFC 7807 RestServiceError.
import { newRequestId } from "./ids";
import { jsonReply, type Reply } from "./http/reply";

/** Which error body a path answers with; Checkout and the classic /sync use ServiceError. */
export type ErrorStyle = "service" | "rest" | "plain";

export function errorStyleOf(path: string): ErrorStyle {
  if (path.startsWith("/v72/") || path === "/sync") return "service";
  if (path.startsWith("/v3/") || path.startsWith("/v1/")) return "rest";
  return "plain";
}

export function serviceError(
  status: number,
  errorCode: string,
  message: string,
  errorType: string,
  headers: Record<string, string> = {},
): Reply {
  return jsonReply(status, { status, errorCode, message, errorType }, headers);
}

export interface InvalidField {
  readonly name: string;
  readonly value: string;
  readonly message: string;
}

const REST_TYPES: Record<number, string> = {
  400: "https://docs.adyen.com/errors/general",
  401: "https://docs.adyen.com/errors/unauthorized",
  403: "https://docs.adyen.com/errors/forbidden",
  404: "https://docs.adyen.com/errors/not-found",
  422: "https://docs.adyen.com/errors/validation",
};

export function restError(
  status: number,
  title: string,
  detail: string,
  opts: { errorCode?: string; invalidFields?: readonly InvalidField[]; headers?: Record<string, string> } = {},
): Reply {
  return jsonReply(
    status,
    {
      type: REST_TYPES[status] ?? "https://docs.adyen.com/errors/general",
      errorCode: opts.errorCode ?? `00_${status}`,
      title,
      detail,
      status,
      requestId: newRequestId(),
      ...(opts.invalidFields ? { invalidFields: opts.invalidFields } : {}),
    },
    opts.headers ?? {},
  );
}

function plainError(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { status, message }, headers);
}

export function unauthorized(style: ErrorStyle): Reply {
  if (style === "service") return serviceError(401, "000", "HTTP Status Response - Unauthorized", "security");
  if (style === "rest") return restError(401, "Unauthorized", "Not authorized to access this service.");
  return plainError(401, "Unauthorized");
}

/** Injected outage of the API itself: retryable, so it carries `transient-error: true`. */
export function transientFailure(style: ErrorStyle, status: 500 | 503): Reply {
  const headers = { "transient-error": "true" };
  const text = status === 503 ? "Service unavailable, please retry" : "Internal error, please retry";
  if (style === "service") return serviceError(status, "000", text, "internal", headers);
  if (style === "rest")
    return restError(status, status === 503 ? "Service Unavailable" : "Internal Server Error", text, { headers });
  return plainError(status, text, headers);
}

export function notFound(style: ErrorStyle, detail: string): Reply {
  if (style === "service") return serviceError(404, "000", detail, "validation");
  if (style === "rest") return restError(404, "Not Found", detail);
  return plainError(404, detail);
}

export function methodNotAllowed(style: ErrorStyle): Reply {
  if (style === "service") return serviceError(405, "000", "HTTP Status Response - Method Not Allowed", "validation");
  if (style === "rest") return restError(405, "Method Not Allowed", "The HTTP method is not supported on this path.");
  return plainError(405, "Method not allowed");
}
