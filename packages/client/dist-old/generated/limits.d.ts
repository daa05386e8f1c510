export declare const operations: {
    readonly createApiKey: {
        readonly method: "POST";
        readonly path: "/api-keys";
        readonly parameters: {};
        readonly body: {
            readonly additionalProperties: false;
            readonly properties: {
                readonly apiKeyName: {
                    readonly type: "string";
                    readonly required: true;
                    readonly minLength: 1;
                    readonly maxLength: 20;
                };
                readonly apiKeyDescription: {
                    readonly type: "string";
                    readonly required: false;
                    readonly minLength: 0;
                    readonly maxLength: 50;
                };
            };
        };
    };
    readonly getApiKey: {
        readonly method: "GET";
        readonly path: "/api-keys/{api-key-id}";
        readonly parameters: {
            readonly "api-key-id": {
                readonly in: "path";
                readonly type: "string";
                readonly required: true;
                readonly minLength: 1;
            };
        };
    };
    readonly updateApiKey: {
        readonly method: "PUT";
        readonly path: "/api-keys/{api-key-id}";
        readonly parameters: {
            readonly "api-key-id": {
                readonly in: "path";
                readonly type: "string";
                readonly required: true;
                readonly minLength: 1;
            };
        };
        readonly body: {
            readonly additionalProperties: false;
            readonly properties: {
                readonly isEnabled: {
                    readonly type: "boolean";
                    readonly required: true;
                };
                readonly apiKeyName: {
                    readonly type: "string";
                    readonly required: true;
                    readonly minLength: 1;
                    readonly maxLength: 20;
                };
                readonly apiKeyDescription: {
                    readonly type: "string";
                    readonly required: false;
                    readonly minLength: 0;
                    readonly maxLength: 50;
                };
            };
        };
    };
    readonly regenerateApiKey: {
        readonly method: "PATCH";
        readonly path: "/api-keys/{api-key-id}";
        readonly parameters: {
            readonly "api-key-id": {
                readonly in: "path";
                readonly type: "string";
                readonly required: true;
                readonly minLength: 1;
            };
        };
        readonly body: {
            readonly additionalProperties: false;
            readonly properties: {
                readonly keyType: {
                    readonly type: "string";
                    readonly required: true;
                    readonly enum: readonly ["PRIMARY", "SECONDARY"];
                };
            };
        };
    };
};
export type OperationId = keyof typeof operations;
