import { describe, expect, it } from 'vitest';
import { feasibilityTotal, type NodeFeasibility } from './answer';

const node = (over: Partial<NodeFeasibility>): NodeFeasibility => ({
  nodeId: 'n',
  nodeName: 'N',
  country: 'FI',
  datasets: ['d'],
  value: null,
  suppressed: false,
  status: 'ok',
  record: null,
  ...over,
});

describe('feasibilityTotal', () => {
  it('sums released values and is exact only when every node released one', () => {
    expect(feasibilityTotal([node({ value: 20 }), node({ value: 35 })])).toEqual({
      value: 55,
      atLeast: false,
    });
    expect(feasibilityTotal([node({ value: 20 }), node({ suppressed: true })])).toEqual({
      value: 20,
      atLeast: true,
    });
    expect(feasibilityTotal([node({ value: 20 }), node({ status: 'timeout' })])).toEqual({
      value: 20,
      atLeast: true,
    });
    expect(feasibilityTotal([node({ value: 0 })])).toEqual({ value: 0, atLeast: false });
  });

  it('has no value when nothing was released', () => {
    expect(feasibilityTotal([node({ suppressed: true }), node({ status: 'refused' })])).toEqual({
      value: null,
      atLeast: true,
    });
    expect(feasibilityTotal([])).toEqual({ value: null, atLeast: false });
  });
});
