import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { DomainError, ThrottledError, type ErrorKind, type FieldProblem } from '../core/errors.js';
import { toFieldProblems } from './validation.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  throttled: 429,
  unavailable: 503,
};

const METHODS: HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The only place errors become responses. Every 4xx is JSON with a `detail`; anything
 * unexpected is logged with the request id and answered with a bare 500, never a stack.
 */
export function installErrorHandling(app: FastifyInstance): void {
  const knownRoutes = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (METHODS.includes(method as HTTPMethod) && !knownRoutes.hasRoute(method as HTTPMethod, route.url)) {
        knownRoutes.on(method as HTTPMethod, route.url, () => undefined);
      }
    }
  });

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const allowed = METHODS.filter((method) => knownRoutes.find(method, path) !== null);
    if (allowed.length > 0) {
      return reply.code(405).header('allow', allowed.join(', ')).send({ detail: 'Method Not Allowed' });
    }
    return reply.code(404).send({ detail: 'Not Found' });
  });

  app.setErrorHandler(async (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) return sendDomainError(reply, error);
    if (error.validation) {
      return sendProblems(reply, toFieldProblems(error.validation, error.validationContext ?? 'body'));
    }
    const status = error.statusCode ?? 500;
    if (status === 400) {
      // Unparseable bodies are input errors like any other, in the reference's shape.
      const empty = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
      return sendProblems(reply, [
        empty
          ? { loc: ['body'], msg: 'Field required', type: 'missing' }
          : { loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' },
      ]);
    }
    if (status > 400 && status < 500) {
      return reply.code(status).send({ detail: clientErrorDetail(error, status) });
    }
    req.log.error({ err: error }, 'Unhandled error');
    return reply.code(500).send({ detail: 'Internal Server Error' });
  });
}

function clientErrorDetail(error: FastifyError, status: number): string {
  switch (status) {
    case 413:
      return 'Request body is too large';
    case 415:
      return 'Unsupported Media Type: send application/json';
    default:
      return error.message;
  }
}

function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  if (error.kind === 'invalid') return sendProblems(reply, error.problems);
  if (error.kind === 'unauthenticated') reply.header('www-authenticate', 'Bearer');
  if (error instanceof ThrottledError) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(STATUS_BY_KIND[error.kind]).send({ detail: error.message });
}

function sendProblems(reply: FastifyReply, problems: FieldProblem[]): FastifyReply {
  return reply.code(422).send({ detail: problems });
}

/** A path that cannot be decoded (`%ZZ`) is invalid input in the path, not a server fault. */
export function badUrlHandler(_error: Error, _req: FastifyRequest, reply: FastifyReply): void {
  void reply.code(422).send({
    detail: [{ loc: ['path'], msg: 'URL contains an invalid percent-encoding', type: 'url_parsing' }],
  });
}
