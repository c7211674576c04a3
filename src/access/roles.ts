// The five roles (docs/CONTRACTS.md, "Accounts, roles and the request's actor") and their names.
export const ROLES = ['admin', 'analyst', 'ministry_unit', 'province_officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị viên (Bộ)', en: 'Ministry administrator' },
  analyst: { vi: 'Chuyên viên phân tích (Bộ)', en: 'Ministry analyst' },
  ministry_unit: { vi: 'Đơn vị thuộc Bộ', en: 'Ministry unit' },
  province_officer: { vi: 'Cán bộ Sở Công Thương', en: 'Province officer' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
};

export const isRole = (x: unknown): x is Role => typeof x === 'string' && (ROLES as readonly string[]).includes(x);

/** Who the request is: set on every request by the access plugin, null for the public. */
export interface Actor {
  accountId: number;
  username: string;
  displayName: string;
  role: Role;
  provinceId: number | null;
  provinceSlug: string | null;
  ministryUnitId: number | null;
  ministryUnitSlug: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The CSRF token of the request's session (null for the public). */
    csrfToken: string | null;
  }
}
