export { atlasDocument, fragments, type OpenApiDocument } from './documents.ts';
export { documentedErrorCode, documentedStatusErrorCode, oauthTokenPath, oauthTokenUrl } from './facts.ts';
export { atlasServerUrl, type HttpMethod, type OperationFacts, operation, operationIds } from './operation.ts';
export { createSpecValidator, type ResponseCheck, type SpecValidator } from './validator.ts';
