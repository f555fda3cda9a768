// Management API stores: GET /v3/stores, /v3/stores/{storeId} and the merchant-scoped variants.
import type { CatalogStore } from "../catalog";
import { indexOf } from "../catalog-index";
import { notFound, restError } from "../errors";
import { jsonReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import type { SimRuntime } from "../runtime";
import { paginate, parsePaging } from "./pagination";

const DEFAULT_PAGE_SIZE = 10;

export function storeView(rt: SimRuntime, store: CatalogStore): Record<string, unknown> {
  return {
    id: store.id,
    reference: store.reference,
    merchantId: rt.config.merchantAccount,
    status: "active",
    address: {
      line1: store.address.line1,
      postalCode: store.address.postalCode,
      city: store.address.city,
      country: store.country,
    },
    phoneNumber: store.phoneNumber,
    shopperStatement: store.shopperStatement,
    _links: { self: { href: `${rt.urls.base}/v3/stores/${store.id}` } },
  };
}

/** A credential only sees its own merchant account; another one is forbidden, not missing. */
export function forbidForeignMerchant(rt: SimRuntime, merchantId: string | undefined): Reply | null {
  if (merchantId === undefined || merchantId === rt.config.merchantAccount) return null;
  return restError(403, "Forbidden", `No access to merchant account ${merchantId}`);
}

function listStores(req: RequestContext, rt: SimRuntime, merchantId: string | undefined): Reply {
  const forbidden = forbidForeignMerchant(rt, merchantId);
  if (forbidden) return forbidden;
  const paging = parsePaging(req.query, DEFAULT_PAGE_SIZE);
  if (!paging.ok) return paging.reply;
  const reference = req.query.get("reference");
  const stores = rt.config.catalog.stores.filter((s) => reference === null || s.reference === reference);
  const page = paginate(stores, paging.paging, new URL(`${rt.urls.base}${req.path}?${req.query.toString()}`));
  return jsonReply(200, { ...page, data: page.data.map((s) => storeView(rt, s)) });
}

export function listAllStores(req: RequestContext, rt: SimRuntime): Reply {
  const merchantId = req.query.get("merchantId");
  if (merchantId !== null && merchantId !== rt.config.merchantAccount) {
    // Filtering on a merchant the credential cannot see yields nothing rather than an error.
    const paging = parsePaging(req.query, DEFAULT_PAGE_SIZE);
    if (!paging.ok) return paging.reply;
    return jsonReply(200, paginate([], paging.paging, new URL(`${rt.urls.base}${req.path}?${req.query.toString()}`)));
  }
  return listStores(req, rt, undefined);
}

export function listMerchantStores(req: RequestContext, rt: SimRuntime): Reply {
  return listStores(req, rt, req.params["merchantId"]);
}

export function getStore(req: RequestContext, rt: SimRuntime): Reply {
  const forbidden = forbidForeignMerchant(rt, req.params["merchantId"]);
  if (forbidden) return forbidden;
  const store = indexOf(rt.config.catalog).storeById.get(req.params["storeId"] ?? "");
  return store
    ? jsonReply(200, storeView(rt, store))
    : notFound("rest", `Store ${req.params["storeId"] ?? ""} not found`);
}
