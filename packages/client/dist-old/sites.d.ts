/**
 * The one place that knows NCP's sites. The spec's `servers` list the same URLs; a test holds
 * this table to it.
 */
export declare const sites: {
    readonly public: "https://apigateway.apigw.ntruss.com/api/v1";
    readonly gov: "https://apigateway.apigw.gov-ntruss.com/api/v1";
    readonly fin: "https://apigateway.apigw.fin-ntruss.com/api/v1";
};
/** `'public' | 'gov' | 'fin'`. */
export type Site = keyof typeof sites;
