import { describe, expect, it } from 'vitest';
import { createCodec } from '../../../src/db/codec.js';

interface Row {
  id: string;
  at: Date | null;
  on: boolean;
  data: unknown;
  note: string | null;
  createdAt: Date;
}

interface Stored {
  id: string;
  at: number | null;
  on: number;
  data: string;
  note: string | null;
  createdAt: number;
  ownerKey: string;
}

const codec = createCodec<Row, Stored, 'ownerKey'>(
  { at: 'date', on: 'flag', data: 'json', createdAt: 'date' },
  ['ownerKey'],
);

const ROW: Row = {
  id: 'a',
  at: new Date(1_700_000_000_123),
  on: true,
  data: { list: [1, 'two', null], emoji: '🎬' },
  note: null,
  createdAt: new Date(5),
};

describe('codec', () => {
  it('encodes dates as epoch ms, booleans as 0/1 and JSON as text', () => {
    expect(codec.encode(ROW)).toEqual({
      id: 'a',
      at: 1_700_000_000_123,
      on: 1,
      data: '{"list":[1,"two",null],"emoji":"🎬"}',
      note: null,
      createdAt: 5,
    });
    expect(codec.encode({ ...ROW, at: null, on: false, data: null })).toMatchObject({
      at: null,
      on: 0,
      data: 'null',
    });
  });

  it('decodes what it encoded, dropping derived columns, whatever the driver returned', () => {
    const stored = { ...codec.encode(ROW), ownerKey: '' };
    expect(codec.decode(stored)).toEqual(ROW);
    // Drivers may hand back BIGINT as a string or a flag as a string.
    expect(codec.decode({ ...stored, at: '1700000000123', on: '0' })).toEqual({
      ...ROW,
      on: false,
    });
  });

  it('leaves id, createdAt and undefined fields out of a patch', () => {
    expect(
      codec.encodePatch({ id: 'b', createdAt: new Date(1), on: false, note: undefined }),
    ).toEqual({ on: 0 });
  });
});
