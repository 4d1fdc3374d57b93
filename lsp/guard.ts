// Keeps the server alive: a handler that throws is logged and answered with
// an error (a ResponseError a handler throws on purpose passes through); a
// notification handler that throws is logged.
import { ErrorCodes, ResponseError } from "vscode-languageserver";

export type Log = (message: string) => void;

function describe(error: unknown): { message: string; detail: string } {
  return error instanceof Error ? { message: error.message, detail: error.stack ?? error.message } : { message: String(error), detail: String(error) };
}

function fail(log: Log, name: string, error: unknown): never {
  if (error instanceof ResponseError) throw error;
  const { message, detail } = describe(error);
  log(`orgspec: ${name} failed: ${detail}`);
  throw new ResponseError(ErrorCodes.InternalError, `orgspec: ${name} failed: ${message}`);
}

export function guardRequest<P, R>(log: Log, name: string, handler: (params: P) => R): (params: P) => R {
  return (params) => {
    try {
      return handler(params);
    } catch (error) {
      return fail(log, name, error);
    }
  };
}

export function guardAsyncRequest<P, R>(log: Log, name: string, handler: (params: P) => Promise<R>): (params: P) => Promise<R> {
  return async (params) => {
    try {
      return await handler(params);
    } catch (error) {
      return fail(log, name, error);
    }
  };
}

export function guardNotification<P>(log: Log, name: string, handler: (params: P) => void): (params: P) => void {
  return (params) => {
    try {
      handler(params);
    } catch (error) {
      log(`orgspec: ${name} failed: ${describe(error).detail}`);
    }
  };
}
