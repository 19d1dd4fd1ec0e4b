/** The working-time calendar: public API. */
export {
  type Appointment,
  appointmentOf,
  describeAppointment,
  type HalfDay,
  halfDayOf,
  weekdayNamesVi,
} from './appointment.ts';
export {
  defaultCalendar,
  defaultCutoff,
  formatLocalTime,
  HOURS_PER_WORKING_DAY,
  isWorkingDay,
  parseLocalTime,
  type Session,
  type SessionSpec,
  saturdayMorningSession,
  sessionsOnDay,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  weekdaySessions,
  workingCalendar,
} from './calendar.ts';
export {
  type Holiday,
  type HolidaySchedule,
  holidayDates,
  holidayNames,
  holidayOn,
  holidayRecords,
  scheduleYears,
  vnPublicHolidays,
} from './holidays.ts';
export {
  canRequestExtension,
  defaultSupplementMode,
  dueDateAfterSupplement,
  durationAfterPause,
  extensionDeadline,
  remainingAfterPause,
  type SupplementMode,
  type SupplementTimes,
  supplementRequestDeadline,
  supplementRequestOpen,
  supplementRequestWithin,
} from './supplement.ts';
export {
  addWorkingTime,
  countingStart,
  dueDate,
  durationInHours,
  endOfWorkingDays,
  extendByWorkingDays,
  isOverdue,
  isWorkingTime,
  receiptDay,
  remainingWorkingHours,
  roundUpToHalfDay,
  type WorkingDuration,
  workingDaysElapsed,
  workingHoursBetween,
} from './working-time.ts';
export { lunarNewYear, solarDateOfLunar } from './lunar.ts';
export { projectedHolidays } from './projected-holidays.ts';
