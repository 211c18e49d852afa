import { schema, t, type SchemaType } from "@colyseus/schema";

/** One person in the session. Documents about the person; their pose is presence and travels apart. */
export const Participant = schema(
  {
    id: t.string(),
    name: t.string(),
    colour: t.string(),
    device: t.string(), // DeviceKind
    connected: t.boolean().default(true),
    /** Small integer that names this participant inside presence frames. */
    slot: t.uint16().default(0),
    joinedAt: t.number().default(0), // ms since epoch, server clock
  },
  "Participant",
);
export type Participant = SchemaType<typeof Participant>;

export const TrainingState = schema(
  {
    sessionId: t.string(),
    roomLayout: t.string(), // id of the room layout in assets/rooms
    participants: t.map(Participant),
  },
  "TrainingState",
);
export type TrainingState = SchemaType<typeof TrainingState>;
