// A TCP port on 127.0.0.1 that was free a moment ago: the system picks it, we close it again.
// Until something else binds it, connecting to it is refused at once — which is what a test
// of "the database is unreachable" wants as much as a test that starts a server there.
import net from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
