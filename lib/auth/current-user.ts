// Who is asking. Every page, action and route handler starts here.
import type { Role } from "@/lib/generated/prisma/enums";

export type CurrentUser = {
  id: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  // The liaison unit whose records an officer or supervisor works on; null for other roles.
  unitId: string | null;
  // The partner agency a partner works for; null for other roles.
  agencyId: string | null;
};
