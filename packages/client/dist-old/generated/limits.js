// Generated from spec/dist/openapi.json by scripts/generate-limits.mjs. Do not edit.
export const operations = {
    "createApiKey": {
        "method": "POST",
        "path": "/api-keys",
        "parameters": {},
        "body": {
            "additionalProperties": false,
            "properties": {
                "apiKeyName": {
                    "type": "string",
                    "required": true,
                    "minLength": 1,
                    "maxLength": 20
                },
                "apiKeyDescription": {
                    "type": "string",
                    "required": false,
                    "minLength": 0,
                    "maxLength": 50
                }
            }
        }
    },
    "getApiKey": {
        "method": "GET",
        "path": "/api-keys/{api-key-id}",
        "parameters": {
            "api-key-id": {
                "in": "path",
                "type": "string",
                "required": true,
                "minLength": 1
            }
        }
    },
    "updateApiKey": {
        "method": "PUT",
        "path": "/api-keys/{api-key-id}",
        "parameters": {
            "api-key-id": {
                "in": "path",
                "type": "string",
                "required": true,
                "minLength": 1
            }
        },
        "body": {
            "additionalProperties": false,
            "properties": {
                "isEnabled": {
                    "type": "boolean",
                    "required": true
                },
                "apiKeyName": {
                    "type": "string",
                    "required": true,
                    "minLength": 1,
                    "maxLength": 20
                },
                "apiKeyDescription": {
                    "type": "string",
                    "required": false,
                    "minLength": 0,
                    "maxLength": 50
                }
            }
        }
    },
    "regenerateApiKey": {
        "method": "PATCH",
        "path": "/api-keys/{api-key-id}",
        "parameters": {
            "api-key-id": {
                "in": "path",
                "type": "string",
                "required": true,
                "minLength": 1
            }
        },
        "body": {
            "additionalProperties": false,
            "properties": {
                "keyType": {
                    "type": "string",
                    "required": true,
                    "enum": [
                        "PRIMARY",
                        "SECONDARY"
                    ]
                }
            }
        }
    }
};
