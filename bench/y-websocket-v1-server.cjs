// The reference server for the collaboration benchmark: y-websocket v1's own server utils
// (setupWSConnection) on a plain ws server, in memory. Prints "LISTENING port=<n>".
const http = require('node:http');
const { WebSocketServer } = require('ws');
const { setupWSConnection } = require('y-websocket-v1/bin/utils');

const server = http.createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server });
wss.on('connection', (ws, req) => setupWSConnection(ws, req, { gc: true }));
server.listen(0, '127.0.0.1', () => console.log(`LISTENING port=${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
