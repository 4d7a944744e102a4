// Every exchange of the diagnosis corpus, by theme.
import { accessCases } from './access';
import { authCases } from './auth';
import type { Case } from './build';
import { firefoxCases } from './firefox';
import { networkCases } from './network';
import { requestCases } from './request';
import { routingCases } from './routing';
import { streamCases } from './stream';
import { successCases } from './success';
import { upstreamCases } from './upstream';

export type { Case } from './build';
export const CASES: Case[] = [...authCases, ...accessCases, ...routingCases, ...requestCases, ...streamCases, ...upstreamCases, ...networkCases, ...successCases, ...firefoxCases];
