/** Where a signed-in user lands: organisers in the console, cooperative staff in their portal. */
export const roleHome = (role: "ORGANISER" | "COOPERATIVE_STAFF") => (role === "ORGANISER" ? "/admin" : "/portal");
