// The generated authorization matrix: every query, mutation and subscription in the composed API
// schema is called with no token, with a token of each role, and with a token of another practice,
// and must allow or refuse exactly as ROLE_MATRIX says. An operation without a rule fails here.
import { ROLE_MATRIX, type OperationRule, type RoleName } from '@solace/server-kit';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { createClient as createWsClient } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

const STAFF_ROLES: RoleName[] = ['ADMIN', 'CLINICIAN', 'SUPERVISOR', 'BILLING', 'FRONT_DESK'];
/** Every role a token can carry: staff roles and CLIENT (a portal account, scoped to its client). */
const ALL_ROLES: RoleName[] = [...STAFF_ROLES, 'CLIENT'];
const DENIED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
// Unique per run: inviteStaff and login use it, and other tests must never meet this account.
const SAMPLE_EMAIL = `matrix-${randomUUID()}@example.test`;
const schema = buildSchema(readFileSync(resolve(__dirname, '../../schema/api.graphql'), 'utf8'));

interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
}
const operations: Operation[] = (['query', 'mutation', 'subscription'] as const).flatMap((kind) => {
  const root = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return Object.values(root?.getFields() ?? {}).map((field) => ({ kind, field }));
});

/** Practice A's entities: the cross-practice calls aim at these ids. */
let ids: Record<string, string>;
let stack: TestStack;
let strangerToken: string;
/** A portal client of another practice whose token even names practice A's client. */
let strangerClientToken: string;
/** The practice whose role-by-role tokens walk the matrix (with no data in it). */
let rolePractice: { id: string };
/** The portal account the CLIENT role's token belongs to (in rolePractice). */
let roleClientAccount: { id: string; clientId: string };
let deniedCases = 0;

function sampleValue(type: GraphQLInputType, argName: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, argName);
  if (isListType(type)) return [sampleValue(type.ofType, argName)];
  if (isEnumType(type)) return type.getValues().at(-1)!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sampleValue(f.type, f.name)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return ids[argName] ?? ids.id!;
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTimeISO':
        return argName === 'from' || argName === 'startsAt' ? new Date(Date.now() + 86_400_000).toISOString() : new Date(Date.now() + 90_000_000).toISOString();
      default:
        return argName === 'email' ? SAMPLE_EMAIL : argName === 'dateOfBirth' ? '1990-01-01' : argName === 'cptCode' ? '90837' : 'x';
    }
  }
  throw new Error(`No sample for ${String(type)}`);
}

function documentFor(op: Operation, idFor: (arg: GraphQLArgument) => void = () => undefined) {
  const args = op.field.args;
  args.forEach(idFor);
  const variableDefinitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const argumentList = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(op.field.type);
  const selection = isObjectType(named) ? ` { __typename ${'id' in named.getFields() ? 'id' : ''} }` : '';
  const query = `${op.kind}${variableDefinitions ? ` (${variableDefinitions})` : ''} { ${op.field.name}${argumentList ? `(${argumentList})` : ''}${selection} }`;
  const variables = Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type, a.name)]));
  return { query, variables };
}

/** Calls an operation; returns the error codes (empty when it was allowed to run). */
async function call(op: Operation, token: string | undefined): Promise<{ codes: string[]; body: string }> {
  const { query, variables } = documentFor(op);
  if (op.kind !== 'subscription') {
    const result = await gql(stack.routerUrl, query, variables, token);
    return { codes: (result.errors ?? []).map((e) => String(e.extensions?.code)), body: JSON.stringify(result.data ?? null) };
  }
  const ws = createWsClient({
    url: stack.routerUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: () => undefined },
  });
  try {
    const codes = await new Promise<string[]>((done) => {
      ws.on('closed', (event) => done((event as { code: number }).code === 4403 ? ['UNAUTHENTICATED'] : []));
      const unsubscribe = ws.subscribe({ query, variables }, {
        next: () => done([]),
        error: (errors) => done(Array.isArray(errors) ? errors.map((e: any) => String(e.extensions?.code)) : ['UNAUTHENTICATED']),
        complete: () => done([]),
      });
      // Accepted subscriptions stay open and silent: no refusal within this window means allowed.
      setTimeout(() => {
        unsubscribe();
        done([]);
      }, 400);
    });
    return { codes, body: '' };
  } finally {
    await ws.dispose();
  }
}

beforeAll(async () => {
  stack = await startStack();
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice);
  const client = await createTestClient(practice);
  const appointment = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() - 3 * 3600_000), status: 'COMPLETED' });
  const prisma = testPrisma();
  const note = await prisma.clinicalNote.create({ data: { practiceId: practice.id, appointmentId: appointment.id, clientId: appointment.clientId, serviceDate: appointment.startsAt, authorId: clinician.id, body: 'secret' } });
  const thread = await prisma.thread.create({ data: { practiceId: practice.id, clientId: client.id, subject: 'secret subject' } });
  const message = await prisma.message.create({ data: { practiceId: practice.id, threadId: thread.id, senderId: clinician.id, body: 'secret body' } });
  const charge = await prisma.charge.create({ data: { practiceId: practice.id, appointmentId: appointment.id, clientId: client.id, cptCode: '90837', amountCents: 100 } });
  ids = { id: client.id, clientId: client.id, clinicianId: clinician.id, appointmentId: appointment.id, threadId: thread.id, noteId: note.id, messageId: message.id, chargeId: charge.id, actorId: clinician.id };

  rolePractice = await createTestPractice();
  roleClientAccount = await prisma.clientAccount.create({
    data: { practiceId: rolePractice.id, clientId: randomUUID(), email: `matrix-client-${randomUUID()}@example.test` },
    select: { id: true, clientId: true },
  });
  const stranger = await createTestPractice();
  strangerToken = await tokenFor({ ...(await createTestStaff(stranger, { roles: STAFF_ROLES })), roles: STAFF_ROLES });
  const strangerAccount = await prisma.clientAccount.create({ data: { practiceId: stranger.id, clientId: randomUUID(), email: `stranger-${randomUUID()}@example.test` } });
  strangerClientToken = await tokenFor({ id: strangerAccount.id, practiceId: stranger.id, roles: ['CLIENT'], clientId: client.id });
});
afterAll(async () => {
  await stack?.stop();
  console.log(`authorization matrix: ${operations.length} operations, ${deniedCases} deny cases checked`);
});

describe('authorization matrix', () => {
  it('has a rule for every operation in the supergraph', () => {
    const missing = operations.map((op) => op.field.name).filter((name) => !(name in ROLE_MATRIX));
    expect(missing, 'add these operations to ROLE_MATRIX (packages/server-kit/src/auth/role-matrix.ts)').toEqual([]);
    const stale = Object.keys(ROLE_MATRIX).filter((name) => !operations.some((op) => op.field.name === name));
    expect(stale, 'rules for operations that no longer exist').toEqual([]);
  });

  it.each(operations.map((op) => [`${op.kind} ${op.field.name}`, op] as const))('%s: no token, each role', async (_label, op) => {
    const rule = (ROLE_MATRIX as Record<string, OperationRule>)[op.field.name]!;
    const anonymous = await call(op, undefined);
    if (rule === 'PUBLIC') {
      expect(anonymous.codes.filter((c) => DENIED.has(c) && c !== 'UNAUTHENTICATED')).toEqual([]);
      return;
    }
    expect(anonymous.codes, 'anonymous').toContain('UNAUTHENTICATED');
    deniedCases++;
    for (const role of ALL_ROLES) {
      // A CLIENT token belongs to a real portal account and names its client.
      const token =
        role === 'CLIENT'
          ? await tokenFor({ ...roleClientAccount, practiceId: rolePractice.id, roles: [role] })
          : await tokenFor({ id: '00000000-0000-4000-8000-0000000000b1', practiceId: rolePractice.id, roles: [role] });
      const { codes } = await call(op, token);
      const refused = codes.some((c) => DENIED.has(c));
      expect(refused, `${op.field.name} as ${role}: ${codes.join(',')}`).toBe(!rule.includes(role));
      if (!rule.includes(role)) deniedCases++;
    }
  });

  it.each(operations.map((op) => [`${op.kind} ${op.field.name}`, op] as const))("%s: another practice's token sees and changes nothing", async (_label, op) => {
    if ((ROLE_MATRIX as Record<string, OperationRule>)[op.field.name] === 'PUBLIC') return;
    // Aim every id argument at practice A's matching entity, as staff and as a client of another practice.
    for (const [who, token] of [['staff', strangerToken], ['client', strangerClientToken]] as const) {
      const { body } = await call(op, token);
      for (const [name, id] of Object.entries(ids)) expect(body, `${op.field.name} leaked ${name} to a ${who} of another practice`).not.toContain(id);
      deniedCases++;
    }
  });

  it('left practice A untouched', async () => {
    const prisma = testPrisma();
    expect(await prisma.message.count({ where: { threadId: ids.threadId } })).toBe(1);
    expect((await prisma.clinicalNote.findUniqueOrThrow({ where: { id: ids.noteId } })).body).toBe('secret');
    expect((await prisma.appointment.findUniqueOrThrow({ where: { id: ids.appointmentId } })).status).toBe('COMPLETED');
  });
});
