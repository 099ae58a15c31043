package dev.pms.core.support;

import dev.pms.core.board.BoardMove;
import dev.pms.core.board.BoardMoveRepository;
import dev.pms.core.distribution.Schedule;
import dev.pms.core.distribution.ScheduleRepository;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.optimization.OptimizationRecord;
import dev.pms.core.optimization.OptimizationRunRepository;
import dev.pms.core.performance.DailyMetrics;
import dev.pms.core.performance.MetricsRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory stores of the approval board, distribution, metrics and optimisation runs, tenant-scoped. */
public final class InMemoryCampaignOps implements BoardMoveRepository, ScheduleRepository, MetricsRepository,
        OptimizationRunRepository {
    private final Map<String, List<BoardMove>> moves = new HashMap<>();
    private final Map<String, TreeMap<Long, Schedule>> schedules = new LinkedHashMap<>();
    private final Map<String, TreeMap<LocalDate, DailyMetrics>> metrics = new HashMap<>();
    private final Map<String, OptimizationRecord> runs = new HashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private int metricWrites;

    @Override
    public void record(String userId, String campaignId, BoardMove move) {
        moves.computeIfAbsent(key(userId, campaignId), k -> new ArrayList<>()).add(move);
    }

    @Override
    public List<BoardMove> recent(String userId, String campaignId, int limit) {
        List<BoardMove> all = new ArrayList<>(moves.getOrDefault(key(userId, campaignId), List.of()));
        Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public Optional<Schedule> latest(String userId, String campaignId) {
        TreeMap<Long, Schedule> versions = schedules.get(key(userId, campaignId));
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    @Override
    public void save(String userId, Schedule schedule) {
        TreeMap<Long, Schedule> versions = schedules.computeIfAbsent(key(userId, schedule.campaignId()), k -> new TreeMap<>());
        long expected = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        if (schedule.version() != expected) {
            throw new VersionConflictException("schedule version " + schedule.version() + " is not " + expected);
        }
        versions.put(schedule.version(), schedule);
    }

    @Override
    public List<Schedule> latestOfEveryCampaign(String userId) {
        return schedules.entrySet().stream().filter(e -> e.getKey().startsWith(userId + "\u0000"))
                .map(e -> e.getValue().lastEntry().getValue()).toList();
    }

    public List<Schedule> versions(String userId, String campaignId) {
        return List.copyOf(schedules.getOrDefault(key(userId, campaignId), new TreeMap<>()).values());
    }

    @Override
    public Map<LocalDate, DailyMetrics> find(String userId, String campaignId, Collection<LocalDate> dates) {
        Map<LocalDate, DailyMetrics> found = new HashMap<>();
        TreeMap<LocalDate, DailyMetrics> stored = metrics.getOrDefault(key(userId, campaignId), new TreeMap<>());
        dates.forEach(date -> Optional.ofNullable(stored.get(date)).ifPresent(d -> found.put(date, d)));
        return found;
    }

    @Override
    public void saveAll(String userId, String campaignId, List<DailyMetrics> days) {
        TreeMap<LocalDate, DailyMetrics> stored = metrics.computeIfAbsent(key(userId, campaignId), k -> new TreeMap<>());
        for (DailyMetrics day : days) {
            long current = stored.containsKey(day.date()) ? stored.get(day.date()).version() : 0;
            if (current != day.version()) {
                throw new VersionConflictException("day " + day.date() + " is at version " + current);
            }
        }
        days.forEach(day -> stored.put(day.date(), new DailyMetrics(day.date(), day.rows(), day.version() + 1)));
        metricWrites += days.size();
    }

    @Override
    public List<DailyMetrics> all(String userId, String campaignId) {
        return List.copyOf(metrics.getOrDefault(key(userId, campaignId), new TreeMap<>()).values());
    }

    public int metricWrites() {
        return metricWrites;
    }

    @Override
    public boolean claim(String userId, String campaignId, LocalDate day, Instant now) {
        String key = key(userId, campaignId) + "\u0000" + day;
        OptimizationRecord record = runs.get(key);
        if (claims.containsKey(key) && (record == null || !record.status().equals("failed"))) {
            return false;
        }
        claims.put(key, now.toString());
        return true;
    }

    @Override
    public void complete(String userId, OptimizationRecord record) {
        runs.put(key(userId, record.campaignId()) + "\u0000" + record.day(), record);
    }

    @Override
    public Optional<OptimizationRecord> find(String userId, String campaignId, LocalDate day) {
        return Optional.ofNullable(runs.get(key(userId, campaignId) + "\u0000" + day));
    }

    public List<OptimizationRecord> runs() {
        return runs.values().stream().sorted(Comparator.comparing(OptimizationRecord::day)).toList();
    }

    private static String key(String userId, String campaignId) {
        return userId + "\u0000" + campaignId;
    }
}
