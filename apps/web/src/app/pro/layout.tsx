import '../../styles/pro.css';
import type { ReactNode } from 'react';
import { ProNav } from '../../components/pro-nav';

/** The provider area (/pro): its navigation and styles around every provider screen. */
export default function ProLayout({ children }: { children: ReactNode }) {
  return (
    <div className="pro-area">
      <ProNav />
      {children}
    </div>
  );
}
