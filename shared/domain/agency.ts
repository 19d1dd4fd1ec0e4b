/**
 * Agencies (docs/domain.md "Agencies"): a tree of any depth. Since 1/7/2025 the two-level model, province →
 * communes; the older three-level model, province → district → commune, stays expressible. Departments
 * (sở, phòng, ban, the service centres) sit under the province, a district or a commune. Each agency
 * carries its working-calendar settings (docs/domain.md "Deadlines", configurable per agency).
 * Pure: no I/O. The tree is passed in as the nodes a rule needs.
 */
import {
  defaultCutoff,
  formatLocalTime,
  type Holiday,
  parseLocalTime,
  type SessionSpec,
  type WorkingCalendar,
  weekdayNamesVi,
  workingCalendar,
} from './calendar/index.ts';
import { RuleViolation } from './rule-violation.ts';
import type { Weekday } from './time.ts';

export const agencyLevels = ['province', 'district', 'commune', 'department'] as const;
/** Levels of the administrative tree: province → (district, in the older model) → commune, plus departments. */
export type AgencyLevel = (typeof agencyLevels)[number];

/** Weekday keys of the calendar settings, indexed by {@link Weekday} (0 = Sunday). */
export const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];

/** Working sessions of the weekdays given (`[]` closes a day); the others keep the national default. */
export type WeeklySessions = Partial<Record<WeekdayKey, readonly SessionSpec[]>>;

/** An agency's working-calendar settings; every one defaults to the national rule. */
export interface AgencyCalendarSettings {
  /** Opens Saturday 07:30–11:30 (some service centres do). Ignored when `sessions.sat` is given. Default false. */
  saturdayMorning?: boolean;
  /** Intake cut-off, local `HH:MM`: a dossier received later counts from the next working morning. Absent: 15:00; null: none. */
  intakeCutoff?: string | null;
  /** Custom sessions per weekday, local `HH:MM`. */
  sessions?: WeeklySessions;
}

export interface Agency extends AgencyCalendarSettings {
  /** Stable configured code (QCVN 102:2016 where known): letters, digits and dots, never a hyphen. */
  id: string;
  name: string;
  level: AgencyLevel;
  /** The agency above in the tree; absent only at the root (the province). */
  parentId?: string;
  /** Administrative-unit code of the province, district or commune the agency serves. */
  unitCode?: string;
  /**
   * The public administration service centre that receives dossiers for this agency, issues form 01,
   * forwards them to it and returns its results (Nghị định 118/2025/NĐ-CP: the province's centre for its
   * departments, each commune's centre for the commune). Absent: the agency receives its own dossiers.
   */
  intakeAgencyId?: string;
}

export const agencyIdPattern = /^[A-Za-z0-9.]{2,40}$/;

export const agencyLevelNamesVi: Readonly<Record<AgencyLevel, string>> = {
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
  department: 'chuyên môn (sở, phòng, ban)',
};

// --- The tree -------------------------------------------------------------------------------------

/** Which levels an agency of each level may sit under. The province is the root. */
export const allowedParentLevels: Readonly<Record<AgencyLevel, readonly AgencyLevel[]>> = {
  province: [],
  district: ['province'],
  commune: ['province', 'district'],
  department: ['province', 'district', 'commune'],
};

/** What the tree rules need of an agency. */
export type AgencyNode = Pick<Agency, 'id' | 'level' | 'parentId'>;

/** The known part of the tree, by id: the whole tree, or just the nodes a rule walks through. */
export type AgencyTree = ReadonlyMap<string, AgencyNode>;

export function agencyTree(agencies: Iterable<AgencyNode>): Map<string, AgencyNode> {
  return new Map([...agencies].map((a) => [a.id, a]));
}

/**
 * The ids above an agency, nearest first, up to the root or to the first node the tree does not
 * hold. Terminates on corrupt data: a node met twice ends the walk.
 */
export function ancestorsOf(agencyId: string, tree: AgencyTree): string[] {
  const ancestors: string[] = [];
  const seen = new Set([agencyId]);
  for (let parentId = tree.get(agencyId)?.parentId; parentId !== undefined && !seen.has(parentId);) {
    ancestors.push(parentId);
    seen.add(parentId);
    parentId = tree.get(parentId)?.parentId;
  }
  return ancestors;
}

/** Whether `agencyId` is `rootId` or below it: reports roll up, authorization scopes, with this. */
export function isWithin(agencyId: string, rootId: string, tree: AgencyTree): boolean {
  return agencyId === rootId || ancestorsOf(agencyId, tree).includes(rootId);
}

/** Whether putting `agencyId` under `parentId` would make the agency its own ancestor. */
export function wouldCreateCycle(agencyId: string, parentId: string, tree: AgencyTree): boolean {
  return parentId === agencyId || ancestorsOf(parentId, tree).includes(agencyId);
}

const levelVi = (level: AgencyLevel) => agencyLevelNamesVi[level];

/**
 * Whether an agency may sit where it says: no cycle, a parent unless it is a province, a parent of a
 * level it nests in. `tree` must hold the proposed parent and its ancestors (as stored). Undefined
 * when the placement is valid.
 */
export function placementViolation(agency: AgencyNode, tree: AgencyTree): RuleViolation | undefined {
  const { id, level, parentId } = agency;
  if (parentId === undefined) {
    if (level === 'province') return undefined;
    return new RuleViolation(
      'invalid',
      'agency-parent-required',
      `Cơ quan ${levelVi(level)} phải trực thuộc một cơ quan cấp trên (parentId).`,
      { field: 'parentId' },
    );
  }
  if (wouldCreateCycle(id, parentId, tree)) {
    return new RuleViolation(
      'invalid',
      'agency-cycle',
      `Không thể đặt ${id} trực thuộc ${parentId}: ${parentId} là chính cơ quan này hoặc đơn vị cấp dưới của nó, cây cơ quan sẽ có vòng lặp.`,
      { field: 'parentId' },
    );
  }
  const parent = tree.get(parentId);
  if (!parent) {
    return new RuleViolation('invalid', 'agency-parent-not-found', `Không tìm thấy cơ quan cấp trên ${parentId}.`, {
      field: 'parentId',
    });
  }
  return nestingViolation(agency, parent);
}

/** Whether `child` may sit directly under `parent`, by their levels alone. */
export function nestingViolation(child: AgencyNode, parent: AgencyNode): RuleViolation | undefined {
  const allowed = allowedParentLevels[child.level];
  if (allowed.includes(parent.level)) return undefined;
  const detail =
    allowed.length === 0
      ? `Cơ quan ${levelVi(child.level)} là gốc của cây, không trực thuộc cơ quan nào.`
      : `Cơ quan ${levelVi(child.level)} chỉ có thể trực thuộc cơ quan ${allowed.map(levelVi).join(' hoặc ')}; ${parent.id} là cơ quan ${levelVi(parent.level)}.`;
  return new RuleViolation('invalid', 'agency-nesting', detail, { field: 'parentId', parentLevel: parent.level });
}

/**
 * Changing an agency's level must keep its children valid: a commune with departments cannot become
 * a department, a province with communes cannot become a commune.
 */
export function childrenViolation(agency: AgencyNode, children: readonly AgencyNode[]): RuleViolation | undefined {
  const child = children.find((c) => !allowedParentLevels[c.level].includes(agency.level));
  if (!child) return undefined;
  return new RuleViolation(
    'invalid',
    'agency-nesting',
    `Không thể đổi ${agency.id} thành cơ quan ${levelVi(agency.level)}: đơn vị trực thuộc ${child.id} (cơ quan ${levelVi(child.level)}) sẽ không còn hợp lệ.`,
    { field: 'level', childId: child.id },
  );
}

// --- The working calendar -------------------------------------------------------------------------

const sessionsOptionOf = (sessions: WeeklySessions | undefined): Partial<Record<Weekday, readonly SessionSpec[]>> =>
  Object.fromEntries(
    weekdayKeys.flatMap((key, weekday) => {
      const specs = sessions?.[key];
      return specs ? [[weekday, specs]] : [];
    }),
  );

/**
 * The agency's working calendar from its settings and the holidays given (dates or records, days
 * worked in a swap included). With `dataYears` (the years the holidays cover), every other year's
 * holidays are projected from the law and the lunar calendar; without, the holidays given are all.
 * Invalid settings throw a RangeError: check them with {@link calendarSettingsViolation} first.
 */
export function calendarOf(
  agency: AgencyCalendarSettings,
  holidays: Iterable<string | Holiday>,
  dataYears?: Iterable<number>,
): WorkingCalendar {
  return workingCalendar({
    saturdayMorning: agency.saturdayMorning ?? false,
    cutoff: agency.intakeCutoff === undefined ? defaultCutoff : agency.intakeCutoff,
    sessions: sessionsOptionOf(agency.sessions),
    holidays,
    ...(dataYears ? { dataYears } : {}),
  });
}

const validTime = (hhmm: string): number | undefined => {
  try {
    return parseLocalTime(hhmm);
  } catch {
    return undefined;
  }
};

const calendarViolation = (message: string, field: string) =>
  new RuleViolation('invalid', 'invalid-calendar', message, { field });

/** Whether the calendar settings make a usable calendar; undefined when they do. */
export function calendarSettingsViolation(agency: AgencyCalendarSettings): RuleViolation | undefined {
  if (typeof agency.intakeCutoff === 'string') {
    const cutoff = validTime(agency.intakeCutoff);
    if (cutoff === undefined || cutoff >= 24 * 60) {
      return calendarViolation('Giờ chốt tiếp nhận phải có dạng HH:MM, từ 00:00 đến 23:59.', 'intakeCutoff');
    }
  }
  for (const [weekday, key] of weekdayKeys.entries()) {
    const specs = agency.sessions?.[key];
    if (!specs) continue;
    const dayVi = weekdayNamesVi[weekday as Weekday];
    const sessions = specs.map((s) => ({ start: validTime(s.start), end: validTime(s.end) }));
    if (sessions.some((s) => s.start === undefined || s.end === undefined)) {
      return calendarViolation(`Giờ làm việc ${dayVi} phải có dạng HH:MM.`, `sessions.${key}`);
    }
    const sorted = (sessions as { start: number; end: number }[]).sort((a, b) => a.start - b.start);
    const bad = sorted.some((s, i) => s.start >= s.end || (i > 0 && (sorted[i - 1]?.end ?? 0) > s.start));
    if (bad) {
      return calendarViolation(
        `Ca làm việc ${dayVi} không hợp lệ: giờ bắt đầu phải trước giờ kết thúc và các ca không được chồng lên nhau.`,
        `sessions.${key}`,
      );
    }
  }
  try {
    calendarOf(agency, []);
  } catch {
    return calendarViolation('Lịch làm việc phải có ít nhất một ca làm việc trong tuần.', 'sessions');
  }
  return undefined;
}

export interface CalendarDescription {
  /** The effective sessions of each weekday, local `HH:MM`; `[]` = closed. */
  weeklySessions: Record<WeekdayKey, { start: string; end: string }[]>;
  /** Local `HH:MM`, or null for no cut-off. */
  intakeCutoff: string | null;
  hoursPerWorkingDay: number;
}

/** A calendar as people and clients read it (holidays apart: they are listed per year). */
export function describeCalendar(calendar: WorkingCalendar): CalendarDescription {
  const weeklySessions = Object.fromEntries(
    weekdayKeys.map((key, weekday) => [
      key,
      calendar.sessions[weekday as Weekday].map((s) => ({
        start: formatLocalTime(s.start),
        end: formatLocalTime(s.end),
      })),
    ]),
  ) as Record<WeekdayKey, { start: string; end: string }[]>;
  return {
    weeklySessions,
    intakeCutoff: calendar.cutoff === null ? null : formatLocalTime(calendar.cutoff),
    hoursPerWorkingDay: calendar.hoursPerWorkingDay,
  };
}
