import type { OperationCheck, SchemaCheck } from './context.ts';
import { operationDocs } from './docs.ts';
import { operationDeprecation } from './operation-deprecation.ts';
import { operationIdentity } from './operation-identity.ts';
import { parameters } from './parameters.ts';
import { requestBody } from './request-body.ts';
import { responses } from './responses.ts';
import { schemaAdditionalProperties } from './schema-additional-properties.ts';
import { schemaBounds } from './schema-bounds.ts';
import { schemaComposition } from './schema-composition.ts';
import { schemaDefault } from './schema-default.ts';
import { schemaDiscriminator } from './schema-discriminator.ts';
import { schemaDocs } from './schema-docs.ts';
import { schemaEnum } from './schema-enum.ts';
import { schemaFormat } from './schema-format.ts';
import { schemaItems } from './schema-items.ts';
import { schemaMultipleOf } from './schema-multiple-of.ts';
import { schemaNot } from './schema-not.ts';
import { schemaNullable } from './schema-nullable.ts';
import { schemaPattern } from './schema-pattern.ts';
import { schemaProperties } from './schema-properties.ts';
import { schemaType } from './schema-type.ts';
import { schemaUniqueItems } from './schema-unique-items.ts';
import { security } from './security.ts';
import { sunset } from './sunset.ts';

/** The checks run on a pair of operations found on both sides, in report order (the lifecycle ones are in lifecycle.ts). */
export const OPERATION_CHECKS: OperationCheck[] = [
  operationIdentity,
  operationDeprecation,
  sunset,
  security,
  operationDocs,
  parameters,
  requestBody,
  responses,
];

/** The checks run on every pair of schemas the operation checks reach. */
export const SCHEMA_CHECKS: SchemaCheck[] = [
  schemaType,
  schemaFormat,
  schemaNullable,
  schemaEnum,
  schemaPattern,
  schemaBounds,
  schemaMultipleOf,
  schemaUniqueItems,
  schemaDefault,
  schemaDiscriminator,
  schemaDocs,
  schemaProperties,
  schemaAdditionalProperties,
  schemaItems,
  schemaNot,
  schemaComposition,
];
