// The comparator reports `request.authorization.missing` only for the schemes it models (basic,
// bearer, apiKey); the Atlas spec declares OAuth 2.0 client credentials (sent as a Bearer token)
// and HTTP Digest, which it lets through unchecked. Every Atlas call needs one of them.
import atlasKit from '@atlas-kit/openapi/documents/atlas-kit.json' with { type: 'json' };
import { operationOf } from './media-types.ts';
import { type PactFile, pactHeader } from './pact-file.ts';

export interface SecurityProblem {
  interaction: string;
  message: string;
}

/** The Authorization prefixes the document's security schemes accept: oauth2 → Bearer, http digest → Digest. */
function acceptedPrefixes(): string[] {
  const atlasDocument = atlasKit as { components: { securitySchemes?: Record<string, unknown> }; security?: unknown };
  const schemes = atlasDocument.components.securitySchemes ?? {};
  const required = ((atlasDocument.security as Record<string, unknown>[] | undefined) ?? []).flatMap((s) =>
    Object.keys(s),
  );
  const prefixes = new Set<string>();
  for (const name of required) {
    const scheme = schemes[name] as { type?: string; scheme?: string } | undefined;
    if (scheme?.type === 'oauth2') prefixes.add('Bearer');
    else if (scheme?.type === 'http' && scheme.scheme)
      prefixes.add(scheme.scheme[0]?.toUpperCase() + scheme.scheme.slice(1));
  }
  return [...prefixes];
}

export function checkSecurity(pact: PactFile): SecurityProblem[] {
  const prefixes = acceptedPrefixes();
  if (prefixes.length === 0) return [];
  const problems: SecurityProblem[] = [];
  for (const interaction of pact.interactions) {
    if (!operationOf(interaction)) continue; // reported by the media-type check
    const authorization = pactHeader(interaction.request.headers, 'Authorization');
    if (authorization === undefined) {
      problems.push({
        interaction: interaction.description,
        message: `request has no Authorization header; the spec requires ${prefixes.join(' or ')} credentials`,
      });
    } else if (!prefixes.some((p) => authorization.startsWith(`${p} `))) {
      problems.push({
        interaction: interaction.description,
        message: `request Authorization is not one of the spec's schemes (${prefixes.join(', ')})`,
      });
    }
  }
  return problems;
}
