/**
 * China's working-day calendar from the kept `chinese-days` package (the State Council's yearly notices as data:
 * public holidays off, make-up working days 调休 on, weekends otherwise off). The package reads a `YYYY-MM-DD`
 * string as a date, and our dates are China dates already (core/working-days.ts).
 */
import { isWorkday as workday } from 'chinese-days';
import type { IsoDate } from '../../../miniprogram/core/china-time';
import type { WorkdayCalendar } from '../../../miniprogram/core/working-days';

export const chinaWorkdays: WorkdayCalendar = (date: IsoDate) => workday(date);
