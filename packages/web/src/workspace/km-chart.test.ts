import { describe, expect, it } from 'vitest';
import { axes, curveEnd, KM_FRAME, stepPath, timeMax } from './km-chart';

// Plot area: x from 48 to 640 − 110 = 530 (482 wide), y from 10 to 300 − 36 = 264 (254 high).
describe('the Kaplan–Meier chart geometry', () => {
  const curve = {
    group: 'female',
    points: [
      { time: 14, survival: 0.7 },
      { time: 7, survival: 0.8 },
      { time: 28, survival: 0.56 },
    ],
  };

  it('draws a step function from survival 1 on day 0, across then down at each time, in time order', () => {
    const tMax = timeMax([curve]);
    expect(tMax).toBe(50);
    const x = (t: number) => Math.round((48 + (t / 50) * 482) * 10) / 10;
    const y = (s: number) => Math.round((10 + (1 - s) * 254) * 10) / 10;
    expect(stepPath(curve, tMax)).toBe(
      `M${x(0)},${y(1)} H${x(7)} V${y(0.8)} H${x(14)} V${y(0.7)} H${x(28)} V${y(0.56)}`,
    );
    expect(curveEnd(curve, tMax)).toEqual({ x: x(28), y: y(0.56) });
  });

  it('puts the survival axis at 0, ¼, ½, ¾ and 1, and time ticks on round days', () => {
    const a = axes(50);
    expect(a.survival.map((s) => s.y)).toEqual([264, 200.5, 137, 73.5, 10]);
    expect(a.time.map((t) => t.value)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(a.time.at(-1)!.x).toBe(KM_FRAME.width - KM_FRAME.right);
  });
});
