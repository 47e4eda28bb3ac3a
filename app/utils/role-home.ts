/** Where a signed-in user lands: organisers in the console, cooperative staff in their portal, unit buyers in theirs. */
export const roleHome = (role: "ORGANISER" | "COOPERATIVE_STAFF" | "UNIT_BUYER") =>
  role === "ORGANISER" ? "/admin" : role === "COOPERATIVE_STAFF" ? "/portal" : "/unit";
