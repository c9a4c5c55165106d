// The comparator accepts any `application/*+json` for a versioned Atlas media type ("ignore vendor
// extensions"), so a pact that sends or expects the wrong resource version passes it. Atlas picks
// the resource version from exactly these headers (406 otherwise), so check them exactly here.
import type { OperationFacts } from '@atlas-kit/openapi';
import { type PactFile, type PactInteraction, pactHeader } from './pact-file.ts';
import { contractOperations, documentedMediaTypes } from './spec-facts.ts';

export interface MediaTypeProblem {
  interaction: string;
  message: string;
}

function templateRegex(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}|\{\w+\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

const matchers = contractOperations.map((op) => ({ op, re: templateRegex(op.path) }));

/** The operation an interaction calls, by method and path; undefined when the spec has none. */
export function operationOf(interaction: PactInteraction): OperationFacts | undefined {
  const path = interaction.request.path.split('?')[0] ?? '';
  return matchers.find(({ op, re }) => op.method === interaction.request.method.toUpperCase() && re.test(path))?.op;
}

/** `application/json; charset=utf-8` → `application/json` (parameters do not pick the version). */
function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

export function checkMediaTypes(pact: PactFile): MediaTypeProblem[] {
  const problems: MediaTypeProblem[] = [];
  for (const interaction of pact.interactions) {
    const report = (message: string) => problems.push({ interaction: interaction.description, message });
    const op = operationOf(interaction);
    if (!op) {
      report(`${interaction.request.method} ${interaction.request.path} is no operation of the spec`);
      continue;
    }
    const accept = pactHeader(interaction.request.headers, 'Accept');
    if (accept === undefined) report(`request has no Accept header; ${op.operationId} needs ${op.mediaType}`);
    else if (essence(accept) !== op.mediaType)
      report(`request Accept is ${accept}; ${op.operationId} needs ${op.mediaType}`);

    const hasBody = interaction.request.body !== undefined;
    const contentType = pactHeader(interaction.request.headers, 'Content-Type');
    if (hasBody && contentType === undefined)
      report(`request has a body but no Content-Type; expected ${op.mediaType}`);
    if (contentType !== undefined && essence(contentType) !== op.mediaType) {
      report(`request Content-Type is ${contentType}; ${op.operationId} takes ${op.mediaType}`);
    }

    const { status } = interaction.response;
    if (!op.statuses.includes(status)) {
      report(`response status ${status} is not documented for ${op.operationId}`);
      continue;
    }
    const documented = documentedMediaTypes(op, status);
    const responseType = pactHeader(interaction.response.headers, 'Content-Type');
    if (responseType === undefined) {
      if (interaction.response.body !== undefined) report(`response ${status} has a body but no Content-Type`);
    } else if (!documented.includes(essence(responseType))) {
      report(
        `response ${status} Content-Type is ${responseType}; the spec documents ${documented.join(', ') || 'none'}`,
      );
    } else if (status >= 200 && status < 300 && essence(responseType) !== op.mediaType) {
      report(`response ${status} Content-Type is ${responseType}; ${op.operationId} answers ${op.mediaType}`);
    }
  }
  return problems;
}
