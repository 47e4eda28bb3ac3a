import { createContext, useContext } from "react";

/** The request's CSP nonce, for the inline scripts Remix renders (hydration data, scroll restoration). */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
