// Errors the analytics raise for a user to read.
import { UserError } from '../server/errors.ts';

export function notFoundError(whatVi: string, whatEn: string, key: string): UserError {
  return new UserError(404, 'not_found', `Không tìm thấy ${whatVi} "${key}".`, `${whatEn} "${key}" not found.`);
}
