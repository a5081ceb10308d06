#include "SqlScript.h"

namespace masahista {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

class Splitter
{
public:
    explicit Splitter(const QString& script)
        : m_script(script)
    {}

    QStringList run()
    {
        while (m_pos < m_script.size()) {
            const QChar c = m_script.at(m_pos);
            if (c == u'\'' || c == u'"' || c == u'`') {
                skipQuoted(c);
            } else if (c == u'[') {
                skipUntil(u"]");
            } else if (c == u'-' && peek(1) == u'-') {
                skipUntil(u"\n");
            } else if (c == u'/' && peek(1) == u'*') {
                skipUntil(u"*/");
            } else if (isWordChar(c)) {
                readWord();
            } else if (c == u';' && m_blockDepth == 0) {
                ++m_pos;
                finishStatement();
            } else {
                ++m_pos;
            }
        }
        finishStatement();
        return m_statements;
    }

private:
    QChar peek(qsizetype offset) const
    {
        const qsizetype at = m_pos + offset;
        return at < m_script.size() ? m_script.at(at) : QChar();
    }

    void skipQuoted(QChar quote)
    {
        ++m_pos;
        while (m_pos < m_script.size()) {
            if (m_script.at(m_pos) == quote) {
                // A doubled quote is an escaped quote inside the literal.
                if (peek(1) == quote) {
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                return;
            }
            ++m_pos;
        }
    }

    void skipUntil(QStringView terminator)
    {
        const qsizetype end = m_script.indexOf(terminator, m_pos + 1);
        m_pos = end < 0 ? m_script.size() : end + terminator.size();
    }

    void readWord()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_script.size() && isWordChar(m_script.at(m_pos))) {
            ++m_pos;
        }
        const QStringView word = QStringView(m_script).mid(start, m_pos - start);
        if (word.compare(u"BEGIN", Qt::CaseInsensitive) == 0 ||
            word.compare(u"CASE", Qt::CaseInsensitive) == 0) {
            // A bare BEGIN (transaction) is followed by ';' or a TRANSACTION-like word, never
            // by a body; only CREATE TRIGGER ... BEGIN opens a block.
            if (word.compare(u"CASE", Qt::CaseInsensitive) == 0 || m_inTrigger) {
                ++m_blockDepth;
            }
        } else if (word.compare(u"END", Qt::CaseInsensitive) == 0 && m_blockDepth > 0) {
            --m_blockDepth;
        } else if (word.compare(u"TRIGGER", Qt::CaseInsensitive) == 0 && m_sawCreate) {
            m_inTrigger = true;
        }
        if (word.compare(u"CREATE", Qt::CaseInsensitive) == 0 && m_statementWords == 0) {
            m_sawCreate = true;
        }
        ++m_statementWords;
    }

    void finishStatement()
    {
        const QString statement = m_script.mid(m_statementStart, m_pos - m_statementStart);
        if (m_statementWords > 0) {
            QString trimmed = statement.trimmed();
            if (trimmed.endsWith(u';')) {
                trimmed.chop(1);
            }
            m_statements.append(trimmed.trimmed());
        }
        m_statementStart = m_pos;
        m_statementWords = 0;
        m_blockDepth = 0;
        m_inTrigger = false;
        m_sawCreate = false;
    }

    const QString& m_script;
    QStringList m_statements;
    qsizetype m_pos = 0;
    qsizetype m_statementStart = 0;
    int m_statementWords = 0;
    int m_blockDepth = 0;
    bool m_inTrigger = false;
    bool m_sawCreate = false;
};

} // namespace

QStringList splitSqlStatements(const QString& script)
{
    return Splitter(script).run();
}

} // namespace masahista
