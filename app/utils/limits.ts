/** The most of one product a single cart line may hold: a fair sells to households, not wholesalers. */
export const MAX_PER_LINE = 20;
