export { AppError, conflict, forbidden, invalid, notFound, toAppError, unauthenticated } from './errors/app-error';
export type { AppErrorKind, Issue, Problem } from './errors/app-error';
