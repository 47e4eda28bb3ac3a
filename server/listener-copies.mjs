// Child process of server/accept-many.mjs: it is handed the server's listening socket as fd 3 and
// sends it back over the IPC channel as many times as argv[2] says, each arriving in the server
// as a descriptor of its own. It then stops listening and exits.
//
// Listening is how Node wraps a descriptor into something it can send, so for the few
// milliseconds this takes, this process may accept a connection itself: it sends each one back to
// the server unread (pauseOnConnect), where it is served like any other.
import net from "node:net";

const copies = Number(process.argv[2]);
const listener = net.createServer({ pauseOnConnect: true });
listener.on("connection", (socket) => process.send("connection", socket));
listener.listen({ fd: 3 }, () => {
  for (let i = 0; i < copies; i++) process.send("listener", listener);
  // Messages carrying a handle go out one at a time, in order: once "done" is written, every
  // copy has been received and this one can close.
  process.send("done", () => {
    listener.close();
    // Connections accepted up to the close are already queued ahead of "bye".
    process.send("bye", () => process.disconnect());
  });
});
