// Public directory data (tenants and their démarches), fetched once per page load.

import { api, seg } from './api.js';

let tenantsPromise = null;
const proceduresByTenant = new Map();

function cached(promise, forget) {
  promise.catch(forget);
  return promise;
}

/** All tenants: [{ id, name, kind, inseeCode, territory }]. */
export function getTenants() {
  tenantsPromise ??= cached(
    api('/tenants', { auth: false }).then(({ data }) => data.items ?? []),
    () => {
      tenantsPromise = null;
    },
  );
  return tenantsPromise;
}

export async function getTenant(tenantId) {
  return (await getTenants()).find((tenant) => tenant.id === tenantId) ?? null;
}

/** The démarches a tenant offers, with their forms. */
export function getProcedures(tenantId) {
  if (!proceduresByTenant.has(tenantId)) {
    proceduresByTenant.set(tenantId, cached(
      api(`/tenants/${seg(tenantId)}/procedures`, { auth: false }).then(({ data }) => data.items ?? []),
      () => proceduresByTenant.delete(tenantId),
    ));
  }
  return proceduresByTenant.get(tenantId);
}

export async function getProcedure(tenantId, procedureId) {
  return (await getProcedures(tenantId)).find((procedure) => procedure.id === procedureId) ?? null;
}

export const KIND_LABELS = {
  commune: 'Commune',
  epci: 'Intercommunalité',
  departement: 'Département',
};

const CHOSEN_KEY = 'pc.tenantId';

/** Remembers the citizen's chosen tenant across visits (not personal data: a tenant id). */
export function rememberTenant(tenantId) {
  try {
    localStorage.setItem(CHOSEN_KEY, tenantId);
  } catch {
    // Storage may be disabled: the choice is then simply not remembered.
  }
}

export function rememberedTenant() {
  try {
    return localStorage.getItem(CHOSEN_KEY);
  } catch {
    return null;
  }
}
