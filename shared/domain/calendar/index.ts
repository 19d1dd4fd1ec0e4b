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
  vnPublicHolidays,
} from './holidays.ts';
export {
  canRequestExtension,
  defaultSupplementMode,
  dueDateAfterSupplement,
  extensionDeadline,
  remainingAfterPause,
  type SupplementMode,
  type SupplementTimes,
  supplementRequestDeadline,
  supplementRequestWithin,
} from './supplement.ts';
export {
  addWorkingTime,
  countingStart,
  dueDate,
  durationInHours,
  isOverdue,
  isWorkingTime,
  remainingWorkingHours,
  roundUpToHalfDay,
  type WorkingDuration,
  workingHoursBetween,
} from './working-time.ts';
