#pragma once

#include <QList>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace masahista::bench {

// Durations of repeated runs of one piece of work, in milliseconds.
class Samples
{
public:
    void add(double milliseconds) { m_values.append(milliseconds); }
    qsizetype count() const { return m_values.size(); }
    bool isEmpty() const { return m_values.isEmpty(); }

    // The value below which `fraction` of the runs fall (nearest rank).
    double percentile(double fraction) const
    {
        if (m_values.isEmpty()) {
            return 0;
        }
        QList<double> sorted = m_values;
        std::sort(sorted.begin(), sorted.end());
        const auto rank =
            static_cast<qsizetype>(std::ceil(fraction * static_cast<double>(sorted.size())));
        return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
    }
    double median() const { return percentile(0.5); }
    double p99() const { return percentile(0.99); }

private:
    QList<double> m_values;
};

// Times one call of `work` and adds it to `samples`.
template <typename Work>
auto timed(Samples& samples, Work work)
{
    const auto start = std::chrono::steady_clock::now();
    auto result = work();
    const std::chrono::duration<double, std::milli> elapsed =
        std::chrono::steady_clock::now() - start;
    samples.add(elapsed.count());
    return result;
}

} // namespace masahista::bench
