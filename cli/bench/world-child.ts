/**
 * The bench's "outside world" in a process of its own: the feed farm (other people's web servers) and the
 * embedded DynamoDB and S3 (AWS's services). Run by world.ts through `fork`; talks over the IPC channel.
 */
import { startLocalServices } from '../local/services';
import { type FarmOptions, generateFarm, hostCount, serveFarm, trafficOf } from './farm';

type Message = { type: 'start'; farm: FarmOptions } | { type: 'traffic'; id: number } | { type: 'stop' };

async function main(): Promise<void> {
  let stop = async () => {};
  const send = (message: object) => process.send?.(message);
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  process.on('message', async (message: Message) => {
    try {
      if (message.type === 'start') {
        const generated = generateFarm(message.farm);
        const servers = await serveFarm(generated, hostCount(message.farm));
        const services = await startLocalServices();
        stop = async () => {
          await services.stop();
          await Promise.all(servers.map((s) => s.close()));
        };
        process.on('message', (m: Message) => {
          if (m.type === 'traffic') {
            const cpu = process.cpuUsage();
            send({
              type: 'traffic',
              id: m.id,
              traffic: trafficOf(servers),
              cpuSeconds: (cpu.user + cpu.system) / 1e6,
            });
          }
        });
        send({
          type: 'ready',
          bases: servers.map((s) => s.base),
          dynamoEndpoint: services.dynamoEndpoint,
          s3Endpoint: services.s3Endpoint,
          tableName: services.tableName,
          bucket: services.bucket,
        });
      } else if (message.type === 'stop') {
        await stop();
        send({ type: 'stopped' });
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'error', message: (error as Error).message });
    }
  });
}

void main();
