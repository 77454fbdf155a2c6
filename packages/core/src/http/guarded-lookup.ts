import { type LookupAddress, type LookupOptions, lookup as dnsLookup } from 'node:dns';

/** Decides whether a connection to `hostname` may go to the `address` it resolved to. */
export type ConnectGuard = (hostname: string, address: string) => boolean;

/** The error code a refused address carries, so the HTTP helper can report it as the client's mistake. */
export const addressRefusedCode = 'ESWITCHYARD_ADDRESS_REFUSED';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that checks every resolved address before the socket is opened,
 * so a host that passed the allow-list by name cannot resolve (or rebind) to a metadata or private
 * address. Checking at connect time, on the address actually dialled, leaves no window between
 * check and use. IP literals never reach a lookup: the allow-list judges those by themselves.
 */
export function guardedLookup(mayConnect: ConnectGuard) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find((entry) => !mayConnect(hostname, entry.address));
      if (refused) {
        const denial: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to ${refused.address}, an internal address the gateway's allowedHosts does not include`,
        );
        denial.code = addressRefusedCode;
        return callback(denial, '');
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
