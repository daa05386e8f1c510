/**
 * The one place that knows NCP's sites. The spec's `servers` list the same URLs; a test holds
 * this table to it.
 */
export const sites = {
    public: 'https://apigateway.apigw.ntruss.com/api/v1',
    gov: 'https://apigateway.apigw.gov-ntruss.com/api/v1',
    fin: 'https://apigateway.apigw.fin-ntruss.com/api/v1',
};
