import { connect, type Socket } from 'node:net';

/** Connects, writes `hello`, and resolves with the first bytes the server answers. */
function exchange(host: string, port: number, hello: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => socket.write(hello));
    socket.once('data', (data) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(data);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(error.code ?? error.message));
    });
  });
}

/** Redis: a RESP PING (after AUTH when the URL has a password); PONG or an auth error both prove it is Redis. */
export async function pingRedis(url: string, timeoutMs: number): Promise<string> {
  const parsed = new URL(url);
  const command = (...parts: string[]) => `*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`;
  const password = decodeURIComponent(parsed.password);
  const auth = password ? command('AUTH', ...(parsed.username ? [decodeURIComponent(parsed.username)] : []), password) : '';
  const answer = (await exchange(parsed.hostname || '127.0.0.1', Number(parsed.port || 6379), Buffer.from(auth + command('PING')), timeoutMs)).toString('utf8');
  if (answer.startsWith('-')) throw new Error(`Redis answered: ${answer.slice(1).split('\r\n')[0]}`);
  if (!answer.includes('PONG') && !answer.startsWith('+OK')) throw new Error(`not a Redis answer: ${JSON.stringify(answer.slice(0, 40))}`);
  return 'PONG';
}

/** PostgreSQL: an SSLRequest, which every Postgres server answers with one byte, S or N. */
export async function pingPostgres(url: string, timeoutMs: number): Promise<string> {
  const parsed = new URL(url);
  const sslRequest = Buffer.alloc(8);
  sslRequest.writeInt32BE(8, 0);
  sslRequest.writeInt32BE(80877103, 4);
  const answer = await exchange(parsed.hostname || '127.0.0.1', Number(parsed.port || 5432), sslRequest, timeoutMs);
  const byte = String.fromCharCode(answer[0] ?? 0);
  if (byte !== 'S' && byte !== 'N') throw new Error('the server there does not speak the PostgreSQL protocol');
  return byte === 'S' ? 'accepts TLS' : 'no TLS';
}
