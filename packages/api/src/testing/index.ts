export * from './client.js';
export * from './raw-socket.js';
